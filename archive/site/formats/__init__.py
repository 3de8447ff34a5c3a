"""Date and number formats of the archive's two languages (FORMAT_MODULE_PATH): Vietnamese
writes 05/12/2024 and 9.000, English 5 Dec 2024 and 9,000."""
