"""The consent promise: leaks, narrowing, publishing, the register, withdrawal, erasure, backups,
the teller's link."""
