namespace Platform.ModelBuilder.Captioning;

/// <summary>
/// The captions the colour-and-shape captioner produces: three words per language, adjectives after
/// the noun in French and Spanish, German adjectives inflected for the noun's gender after "ein".
/// </summary>
public static class CaptionPhrases
{
    // Per colour: en, fr, es, German stem. All French and Spanish nouns here are masculine.
    private static readonly string[][] ColourWords =
    [
        ["red", "rouge", "rojo", "rot"],
        ["green", "vert", "verde", "grün"],
        ["blue", "bleu", "azul", "blau"],
        ["yellow", "jaune", "amarillo", "gelb"],
    ];

    // Per shape: en, fr, es, de, German gender ending after "ein" (Kreis m. → -er, Quadrat/Dreieck n. → -es).
    private static readonly string[][] ShapeWords =
    [
        ["circle", "cercle", "círculo", "Kreis", "er"],
        ["square", "carré", "cuadrado", "Quadrat", "es"],
        ["triangle", "triangle", "triángulo", "Dreieck", "es"],
    ];

    /// <summary>The caption's words for palette colour <paramref name="colour"/> and shape <paramref name="shape"/> (indices).</summary>
    public static IReadOnlyList<string> Words(int language, int colour, int shape)
    {
        var c = ColourWords[colour];
        var s = ShapeWords[shape];
        return language switch
        {
            0 => ["a", c[0], s[0]],
            1 => ["un", s[1], c[1]],
            2 => ["ein", c[3] + s[4], s[3]],
            3 => ["un", s[2], c[2]],
            _ => throw new ArgumentOutOfRangeException(nameof(language)),
        };
    }

    /// <summary>Every word any caption uses, each once.</summary>
    public static IReadOnlyList<string> Vocabulary() =>
        (from language in Enumerable.Range(0, CaptionLanguage.All.Count)
         from colour in Enumerable.Range(0, ColourWords.Length)
         from shape in Enumerable.Range(0, ShapeWords.Length)
         from word in Words(language, colour, shape)
         select word).Distinct(StringComparer.Ordinal).ToList();
}
