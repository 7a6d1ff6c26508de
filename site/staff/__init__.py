"""Staff: roles and their limits, two-factor sign-in, unfinished drafts."""
