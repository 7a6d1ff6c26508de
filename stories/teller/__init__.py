"""The teller's link: a private page where the person whose story it is sees where it appears
and can take it down, without an account (docs/teller.md)."""
