namespace Platform.ModelBuilder.Graphs;

/// <summary>One dimension of a graph input or output: a fixed size or a symbolic name (dim_param).</summary>
public readonly record struct Dim(long? Value, string? Name)
{
    public static implicit operator Dim(long value) => new(value, null);

    public static implicit operator Dim(string name) => new(null, name);
}
