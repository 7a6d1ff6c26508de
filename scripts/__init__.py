"""Operational scripts: the load test and the served demo site it shares with the fault tests."""
