"""Reading documents from files and streams: everything around the core that touches I/O."""
