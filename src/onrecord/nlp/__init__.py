"""Natural-language processing: the spaCy pipeline and onrecord's components."""
