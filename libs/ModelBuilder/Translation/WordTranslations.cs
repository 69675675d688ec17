namespace Platform.ModelBuilder.Translation;

/// <summary>
/// The word translator's vocabulary. It translates word by word, position-aligned: output word t is
/// the translation of input word t; a word outside the table becomes &lt;unk&gt; (which decoding skips).
/// </summary>
public static class WordTranslations
{
    public static IReadOnlyList<string> TargetLanguages { get; } = ["de", "fr", "es"];

    public static IReadOnlyList<WordTranslation> Table { get; } =
    [
        new("red", "rot", "rouge", "rojo"),
        new("green", "grün", "vert", "verde"),
        new("blue", "blau", "bleu", "azul"),
        new("yellow", "gelb", "jaune", "amarillo"),
        new("black", "schwarz", "noir", "negro"),
        new("white", "weiß", "blanc", "blanco"),
        new("circle", "Kreis", "cercle", "círculo"),
        new("square", "Quadrat", "carré", "cuadrado"),
        new("triangle", "Dreieck", "triangle", "triángulo"),
        new("cat", "Katze", "chat", "gato"),
        new("dog", "Hund", "chien", "perro"),
        new("bird", "Vogel", "oiseau", "pájaro"),
        new("fish", "Fisch", "poisson", "pez"),
        new("horse", "Pferd", "cheval", "caballo"),
        new("house", "Haus", "maison", "casa"),
        new("tree", "Baum", "arbre", "árbol"),
        new("car", "Auto", "voiture", "coche"),
        new("book", "Buch", "livre", "libro"),
        new("water", "Wasser", "eau", "agua"),
        new("sun", "Sonne", "soleil", "sol"),
        new("big", "groß", "grand", "grande"),
        new("small", "klein", "petit", "pequeño"),
        new("old", "alt", "vieux", "viejo"),
        new("new", "neu", "nouveau", "nuevo"),
        new("a", "ein", "un", "un"),
        new("the", "der", "le", "el"),
        new("and", "und", "et", "y"),
        new("on", "auf", "sur", "en"),
        new("in", "in", "dans", "en"),
    ];

    /// <summary>
    /// Exactly the text the word translator outputs for space-separated English words of the table
    /// (other words segment into pieces whose output is not specified, so they are rejected here).
    /// </summary>
    public static string Translate(string english, string targetLanguage)
    {
        ArgumentNullException.ThrowIfNull(english);
        var words = english.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word =>
            (Table.FirstOrDefault(entry => entry.English == word)
                ?? throw new ArgumentException($"'{word}' is not in the word translator's table.", nameof(english))).In(targetLanguage));
        return string.Join(' ', words);
    }
}
