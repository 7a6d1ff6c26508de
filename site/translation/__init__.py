"""The translation workflow around wagtail-localize: status, review, files, machine translation."""
