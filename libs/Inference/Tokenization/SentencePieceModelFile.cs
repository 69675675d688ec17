using Google.Protobuf;
using Microsoft.ML.Tokenizers;
using Sentencepiece;

namespace Platform.Inference.Tokenization;

/// <summary>A SentencePiece <c>ModelProto</c> file and the Microsoft.ML.Tokenizers tokenizer for it.</summary>
internal sealed class SentencePieceModelFile
{
    private SentencePieceModelFile(ModelProto model, SentencePieceTokenizer tokenizer)
    {
        Model = model;
        Tokenizer = tokenizer;
    }

    public ModelProto Model { get; }

    public SentencePieceTokenizer Tokenizer { get; }

    public int PieceCount => Model.Pieces.Count;

    public int UnknownId => Model.TrainerSpec.UnkId;

    public static SentencePieceModelFile Read(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        var model = TokenizerFile.Parse(path, () => ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)));
        return FromModel(model, path);
    }

    /// <param name="source">Where the model came from, for error messages.</param>
    /// <param name="specialTokens">Tokens matched whole in the text before segmentation.</param>
    public static SentencePieceModelFile FromModel(ModelProto model, string source, IReadOnlyDictionary<string, int>? specialTokens = null)
    {
        var pieces = model.Pieces.Count;
        var trainer = model.TrainerSpec;
        if (pieces == 0 || trainer is null || model.NormalizerSpec is null)
        {
            throw new InvalidDataException($"{source}: not a SentencePiece model (needs pieces, trainer_spec and normalizer_spec).");
        }

        if (trainer.UnkId < 0 || trainer.UnkId >= pieces || trainer.BosId >= pieces || trainer.EosId >= pieces)
        {
            throw new InvalidDataException($"{source}: special ids outside its {pieces} pieces (unk {trainer.UnkId}, bos {trainer.BosId}, eos {trainer.EosId}).");
        }

        using var stream = new MemoryStream(WithoutUnusedSpecials(model).ToByteArray());
        return new SentencePieceModelFile(model, TokenizerFile.Parse(source, () =>
            SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false, specialTokens)));
    }

    /// <summary>
    /// Microsoft.ML.Tokenizers 2.0.1 indexes its piece table with bos_id/eos_id unchecked, so a model trained
    /// with bos_id = -1 (every Marian source.spm/target.spm) throws IndexOutOfRangeException on load. We never
    /// let it add bos/eos, so pointing an unused one at another control piece (eos, else unk) changes no
    /// segmentation and no id; the file on disk and <see cref="Model"/> stay as they are.
    /// </summary>
    private static ModelProto WithoutUnusedSpecials(ModelProto model)
    {
        var trainer = model.TrainerSpec;
        if (trainer.BosId >= 0 && trainer.EosId >= 0)
        {
            return model;
        }

        var patched = model.Clone();
        var (fallbackId, fallbackPiece) = trainer.EosId >= 0 ? (trainer.EosId, trainer.EosPiece) : (trainer.UnkId, trainer.UnkPiece);
        if (trainer.BosId < 0)
        {
            (patched.TrainerSpec.BosId, patched.TrainerSpec.BosPiece) = (fallbackId, fallbackPiece);
        }

        if (trainer.EosId < 0)
        {
            (patched.TrainerSpec.EosId, patched.TrainerSpec.EosPiece) = (fallbackId, fallbackPiece);
        }

        return patched;
    }
}
