extensions = ["myst_parser", "sphinx_annotated_edition.search", "sphinx_annotated_edition.reading"]
language = "en"
nitpicky = True
project = "Reading test"
