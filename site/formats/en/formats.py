# English readers of a Dutch organisation get the European order: 12 March 2021, not March 12.
DATE_FORMAT = "j F Y"
