"""chainkg — a knowledge graph of industrial parks and supply chains.

Stages, one folder each (installed under this namespace):

- ``chainkg.loaders``  sources (reviewed YAML, reference tables, articles) → records
- ``chainkg.graph``    records → one RDF Dataset; writers to Turtle, JSON-LD, N-Triples, networkx
- ``chainkg.reports``  pyvis HTML and tables for planners
- ``chainkg.ontology`` the one schema every stage names its terms from
"""

__version__ = "0.1.0"
