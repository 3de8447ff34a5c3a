"""The archive of Vietnamese provincial defence-work reports: the Django project and its one app."""
