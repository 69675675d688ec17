using Microsoft.ML.Tokenizers;
using Platform.ModelBuilder.Tokenizers;
using Sentencepiece;

namespace Platform.ModelBuilder.Tests.Tokenizers;

public sealed class SentencePieceModelWriterTests
{
    private static readonly string[] Words = ["red", "green", "circle", "square"];

    [Theory]
    [InlineData(SentencePieceModelType.Unigram)]
    [InlineData(SentencePieceModelType.Bpe)]
    public void Each_word_is_one_piece_when_the_written_model_is_loaded_by_Microsoft_ML_Tokenizers(SentencePieceModelType type)
    {
        var pieces = WholeWordPieces.Build(WholeWordPieces.DefaultSpecials, Words, type);
        using var stream = new MemoryStream(SentencePieceModelWriter.Serialize(pieces, new SentencePieceModelOptions(type)));
        var tokenizer = SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false);

        var ids = tokenizer.EncodeToIds("green square red");

        Assert.Equal([Id(pieces, "▁green"), Id(pieces, "▁square"), Id(pieces, "▁red")], ids);
        Assert.Equal("green square red", tokenizer.Decode(ids));
    }

    [Fact]
    public void Unknown_characters_become_the_unknown_piece_and_known_ones_stay_characters()
    {
        var pieces = WholeWordPieces.Build(WholeWordPieces.DefaultSpecials, Words, SentencePieceModelType.Unigram);
        using var stream = new MemoryStream(SentencePieceModelWriter.Serialize(pieces, new SentencePieceModelOptions()));
        var tokenizer = SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false);

        var ids = tokenizer.EncodeToIds("red grez");

        // "z" is in no word: <unk> (id 0); "▁grez" is no piece, so it falls back to ▁ g r e + <unk>.
        Assert.Equal([Id(pieces, "▁red"), Id(pieces, "▁"), Id(pieces, "g"), Id(pieces, "r"), Id(pieces, "e"), 0], ids);
    }

    [Fact]
    public void Marian_layout_keeps_bos_id_minus_one_and_the_piece_types()
    {
        var pieces = WholeWordPieces.Build(WholeWordPieces.MarianSpecials, Words, SentencePieceModelType.Unigram);

        var model = ModelProto.Parser.ParseFrom(SentencePieceModelWriter.Serialize(pieces, MarianVocabularyWriter.SpmOptions));

        Assert.Equal((-1, 0, 1, -1), (model.TrainerSpec.BosId, model.TrainerSpec.EosId, model.TrainerSpec.UnkId, model.TrainerSpec.PadId));
        Assert.Equal(("identity", true), (model.NormalizerSpec.Name, model.NormalizerSpec.AddDummyPrefix));
        Assert.Equal(ModelProto.Types.SentencePiece.Types.Type.Control, model.Pieces[0].Type);
        Assert.Equal(ModelProto.Types.SentencePiece.Types.Type.Unknown, model.Pieces[1].Type);
        Assert.Equal(pieces.Select(p => p.Piece), model.Pieces.Select(p => p.Piece));
    }

    [Theory]
    [InlineData(1, 1, 2)]   // unk id on a control piece
    [InlineData(0, 0, 2)]   // bos id on the unknown piece
    [InlineData(0, 1, 99)]  // eos id out of range
    public void Ids_that_do_not_point_at_a_piece_of_their_kind_are_rejected(int unkId, int bosId, int eosId)
    {
        var pieces = WholeWordPieces.Build(WholeWordPieces.DefaultSpecials, Words, SentencePieceModelType.Unigram);

        Assert.Throws<ArgumentException>(() =>
            SentencePieceModelWriter.Serialize(pieces, new SentencePieceModelOptions(UnkId: unkId, BosId: bosId, EosId: eosId)));
    }

    [Fact]
    public void Duplicate_pieces_are_rejected()
    {
        SentencePieceEntry[] pieces = [.. WholeWordPieces.DefaultSpecials, new("▁a", -1), new("▁a", -2)];

        var error = Assert.Throws<ArgumentException>(() => SentencePieceModelWriter.Serialize(pieces, new SentencePieceModelOptions()));
        Assert.Contains("▁a", error.Message, StringComparison.Ordinal);
    }

    private static int Id(IReadOnlyList<SentencePieceEntry> pieces, string piece) =>
        pieces.Select((p, i) => (p, i)).Single(x => x.p.Piece == piece).i;
}
