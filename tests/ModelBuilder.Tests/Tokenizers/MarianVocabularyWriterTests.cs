using System.Text.Json;
using Platform.ModelBuilder.Tokenizers;
using Sentencepiece;

namespace Platform.ModelBuilder.Tests.Tokenizers;

public sealed class MarianVocabularyWriterTests
{
    [Fact]
    public void Joint_vocabulary_has_eos_unk_first_pad_last_and_every_piece_once()
    {
        using var directory = new TemporaryDirectory();

        var vocabulary = MarianVocabularyWriter.Write(directory.Path, ["red", "circle"], ["rot", "Kreis"]);

        var written = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(directory.File("vocab.json")))!;
        Assert.Equal(vocabulary.OrderBy(p => p.Value), written.OrderBy(p => p.Value));
        Assert.Equal((0, 1, vocabulary.Count - 1), (written["</s>"], written["<unk>"], written["<pad>"]));
        var source = ModelProto.Parser.ParseFrom(File.ReadAllBytes(directory.File("source.spm")));
        var target = ModelProto.Parser.ParseFrom(File.ReadAllBytes(directory.File("target.spm")));
        var pieces = source.Pieces.Concat(target.Pieces).Select(p => p.Piece).Append("<pad>").ToHashSet();
        Assert.Equal(pieces.Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(-1, source.TrainerSpec.BosId);
        Assert.Contains("▁Kreis", target.Pieces.Select(p => p.Piece));
    }
}
