"""What is kept in the shared cache: whole pages for readers and the chrome around them."""
