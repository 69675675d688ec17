using Microsoft.ML.OnnxRuntime;

namespace Platform.Inference.Execution;

/// <summary>Inputs bound by name for one run; disposes the values it created, not the borrowed ones.</summary>
internal sealed class NamedInputs : IDisposable
{
    private readonly List<string> names = [];
    private readonly List<OrtValue> values = [];
    private readonly List<OrtValue> owned = [];

    public IReadOnlyList<string> Names => names;

    public IReadOnlyList<OrtValue> Values => values;

    public void Own(string name, OrtValue value)
    {
        owned.Add(value);
        Borrow(name, value);
    }

    public void Borrow(string name, OrtValue value)
    {
        names.Add(name);
        values.Add(value);
    }

    public void Dispose()
    {
        foreach (var value in owned)
        {
            value.Dispose();
        }
        owned.Clear();
    }
}
