"""What readers get: interface languages, blocks, pages, search, reach counting."""
