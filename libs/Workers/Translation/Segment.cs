namespace Platform.Workers.Translation;

/// <summary>A piece of one item's text, translated on its own. <see cref="Id"/> is its place in the item order.</summary>
public sealed record Segment(int Id, int Item, string Text, int Tokens);
