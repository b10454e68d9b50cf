"""peergraph's shared vocabulary: each piece of knowledge written once."""
