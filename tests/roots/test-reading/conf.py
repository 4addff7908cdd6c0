extensions = ["myst_parser", "annotator_sphinx.search", "annotator_sphinx.reading"]
language = "en"
nitpicky = True
project = "Reading test"
