# Bulgarian dates as they are written in a sentence: 5 март 2027 г., not 05 март 2027.
DATE_FORMAT = "j F Y г."
