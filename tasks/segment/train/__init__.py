"""Training and evaluation data for the line-labelling segmenter, and the command that trains it.

    python -m tasks.segment.train            # build the data sets, train, write tasks/segment/model.npz
    python -m tasks.segment.train --eval     # score the shipped model on the held-out sets

Nothing here runs in a pipeline: it needs the renderers and corpora of the development set-up.
"""
