"""The OpenAPI schema says what goes wrong too: 400 (each bad parameter named, with why), 404
and 429, and the bounds of `page` and `page_size`."""

from drf_spectacular.openapi import AutoSchema

from archive.api.pagination import MAX_PAGE_SIZE

PARAMETER_ERRORS = {
    "description": "A parameter is invalid: each one named, with the reasons.",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "additionalProperties": {"type": "array", "items": {"type": "string"}},
            }
        }
    },
}


def detail(description):
    return {
        "description": description,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {"detail": {"type": "string"}},
                    "required": ["detail"],
                }
            }
        },
    }


EMPTY = {"type": "string", "maxLength": 0}
NO_NUL = "^[^\\u0000]*$"  # a NUL in a parameter is refused (PostgreSQL cannot hold one)
BOUNDS = {"page": {"minimum": 1}, "page_size": {"minimum": 1, "maximum": MAX_PAGE_SIZE}}


class ArchiveAutoSchema(AutoSchema):
    """Every read documents its errors; `max_page` (a view's) bounds `page`."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if self.method == "GET":
            if self._get_filter_parameters() or self._get_pagination_parameters():
                responses.setdefault("400", PARAMETER_ERRORS)
            responses.setdefault("404", detail("No such record, or no such page."))
            responses.setdefault("429", detail("Too many requests: wait for Retry-After seconds."))
        return responses

    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        if operation:
            filterset = getattr(self.view, "filterset_class", None)
            for parameter in operation.get("parameters", []):
                if parameter["in"] != "query":
                    continue
                bounds = self.bounds(parameter["name"])
                # A many-valued filter's bounds are those of each of its values.
                value = parameter["schema"]
                value = value["items"] if value.get("type") == "array" else value
                if bounds.get("type") == "integer":
                    value.pop("format", None)
                value.update(bounds)
                if value.get("type") == "string" and not ({"enum", "format"} & set(value)):
                    value["pattern"] = NO_NUL
                name = parameter["name"]
                if name in BOUNDS or (filterset and name in filterset.base_filters):
                    # An empty value leaves the filter out (or the first page), as the site's
                    # forms send it.
                    parameter["schema"] = {"anyOf": [parameter["schema"], EMPTY]}
        return operation

    def bounds(self, name):
        """What the FilterSet's form (or the paginator) accepts, so generated requests that
        the schema calls valid are valid."""
        if name in BOUNDS:
            bounds = dict(BOUNDS[name])
            if name == "page" and getattr(self.view, "max_page", None):
                bounds["maximum"] = self.view.max_page
            return bounds
        if name in getattr(self.view, "max_lengths", {}):
            return {"maxLength": self.view.max_lengths[name]}
        filterset = getattr(self.view, "filterset_class", None)
        found = filterset.base_filters.get(name) if filterset else None
        if found is None:
            return {}
        extra = found.extra
        bounds = {
            "minimum": extra.get("min_value"),
            "maximum": extra.get("max_value"),
            "maxLength": extra.get("max_length"),
            # A number filter without decimals (a year) takes whole numbers only.
            "type": "integer" if extra.get("decimal_places") == 0 else None,
        }
        return {key: value for key, value in bounds.items() if value is not None}
