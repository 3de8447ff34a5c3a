"""The API against its own OpenAPI schema: requests generated from the schema (valid and
invalid parameters) never get a server error, every answer (status, content type, headers,
body) conforms to the schema, invalid requests are refused and valid ones accepted.

One allowance: `person`, `organisation` and `event` take the identifier of a record, and a
schema cannot list which exist; a well-formed identifier of nobody is a 400 naming the
parameter (the team's rule for an invalid filter), which schemathesis would count as a valid
request refused. Only that answer is excused; any other 400 to valid data still fails.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from archive.wsgi import application

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 15


RECORD_PARAMETERS = {"person", "organisation", "event"}


def valid_data_accepted(ctx, response, case):
    """schemathesis' own check, but for a 400 naming only parameters that name records."""
    if response.status_code == 400 and set(response.json()) <= RECORD_PARAMETERS:
        named = {**(case.query or {})}
        if all(named.get(name) not in (None, "") for name in response.json()):
            return None
    return positive_data_acceptance(ctx, response, case)


@pytest.fixture
def connection_kept():
    """The WSGI handler closes the database connection around each request; inside a test's
    transaction it must not (Django's test client disconnects the same signals)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


# Read once at collection: serving the schema touches no database.
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case, archive, connection_kept):
    case.call_and_validate(
        excluded_checks=[positive_data_acceptance], additional_checks=[valid_data_accepted]
    )
