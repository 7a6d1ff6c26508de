"""The admin as staff use it: language, roles, drafts, Dutch screens, refusals, reachability."""
