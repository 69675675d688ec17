using YamlDotNet.RepresentationModel;

namespace Platform.Deployment.Tests;

/// <summary>Navigation over a parsed YAML document that fails with the missing key's name.</summary>
internal static class Yaml
{
    public static YamlMappingNode Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    public static YamlMappingNode Map(this YamlMappingNode node, string key) => (YamlMappingNode)node.Get(key);

    public static YamlSequenceNode Sequence(this YamlMappingNode node, string key) => (YamlSequenceNode)node.Get(key);

    public static string Scalar(this YamlMappingNode node, string key) => ((YamlScalarNode)node.Get(key)).Value ?? "";

    public static IEnumerable<string> Keys(this YamlMappingNode node) =>
        node.Children.Keys.Select(key => ((YamlScalarNode)key).Value ?? "");

    private static YamlNode Get(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value)
            ? value
            : throw new KeyNotFoundException($"no '{key}' at line {node.Start.Line}");
}
