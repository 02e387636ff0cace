"""Regenerates every corpus file written by this folder, then runs the structural check.
Run: python3 scripts/expected/generate_all.py   (needs Python 3 and mpmath; nothing from the project)."""
import runpy
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
for name in ['paper', 'operators', 'primitives_elementwise', 'primitives_binary', 'primitives_matrix', 'graphs',
             'systems', 'errors', 'nan']:
    runpy.run_path(os.path.join(HERE, name + '.py'), run_name='__main__')
sys.exit(runpy.run_path(os.path.join(HERE, 'validate.py'))['main']())
