"""Build steps of the training workflow (``project.yml``): data conversion and vectors."""
