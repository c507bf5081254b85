"""The printable poster of a matrix and the blank template, as self-contained HTML.

Both are one HTML file with inline CSS and nothing else: no script, no
fonts or images from the network, so they open offline and print the same
everywhere. ``html.render`` draws a filled matrix, ``template.render_template``
the empty template for a workshop.
"""
