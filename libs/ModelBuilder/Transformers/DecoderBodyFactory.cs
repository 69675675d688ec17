using Platform.ModelBuilder.Graphs;

namespace Platform.ModelBuilder.Transformers;

/// <summary>Adds a decoder's computation to <paramref name="graph"/>, reading the graph inputs by their optimum names.</summary>
public delegate IReadOnlyList<DecoderOutput> DecoderBodyFactory(GraphBuilder graph, bool withPast);
