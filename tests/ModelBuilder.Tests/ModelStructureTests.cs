using Platform.ModelBuilder.Onnx;
using Platform.ModelBuilder.Tests.Tokenizers;

namespace Platform.ModelBuilder.Tests;

/// <summary>The checks onnx.checker makes that ONNX Runtime (which sorts nodes itself) would let pass.</summary>
public sealed class ModelStructureTests
{
    [Theory]
    [MemberData(nameof(DeterminismTests.Writers), MemberType = typeof(DeterminismTests))]
    public void Graphs_are_topologically_sorted_with_unique_names_and_typed_outputs(string writer)
    {
        using var directory = new TemporaryDirectory();
        DeterminismTests.Write(writer, directory.Path);
        foreach (var file in Directory.GetFiles(directory.Path, "*.onnx"))
        {
            var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(file));
            Assert.Equal(8, model.IrVersion);
            Assert.Equal(17, Assert.Single(model.OpsetImport).Version);
            CheckGraph(model.Graph, new HashSet<string>(StringComparer.Ordinal));
        }
    }

    private static void CheckGraph(GraphProto graph, HashSet<string> outerScope)
    {
        var defined = new HashSet<string>(outerScope, StringComparer.Ordinal);
        foreach (var name in graph.Input.Select(i => i.Name).Concat(graph.Initializer.Select(i => i.Name)))
        {
            Assert.True(defined.Add(name), $"{graph.Name}: '{name}' is defined twice");
        }

        foreach (var node in graph.Node)
        {
            Assert.All(node.Input.Where(i => i.Length > 0), input => Assert.True(defined.Contains(input), $"{graph.Name}: {node.OpType} reads '{input}' before it is defined"));
            foreach (var subgraph in node.Attribute.Where(a => a.G is not null).Select(a => a.G))
            {
                CheckGraph(subgraph, defined);
            }

            Assert.All(node.Output, output => Assert.True(defined.Add(output), $"{graph.Name}: '{output}' is assigned twice"));
        }

        Assert.All(graph.Output, output =>
        {
            Assert.Contains(output.Name, defined);
            Assert.NotEqual(0, output.Type.TensorType.ElemType);
        });
    }
}
