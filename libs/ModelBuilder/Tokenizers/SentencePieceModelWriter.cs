using Google.Protobuf;
using Sentencepiece;
using PieceType = Sentencepiece.ModelProto.Types.SentencePiece.Types.Type;

namespace Platform.ModelBuilder.Tokenizers;

/// <summary>Writes a real SentencePiece <c>ModelProto</c> (<c>.model</c>/<c>.spm</c>) file.</summary>
public static class SentencePieceModelWriter
{
    public static void Write(string path, IReadOnlyList<SentencePieceEntry> pieces, SentencePieceModelOptions options) =>
        File.WriteAllBytes(path, Serialize(pieces, options));

    public static byte[] Serialize(IReadOnlyList<SentencePieceEntry> pieces, SentencePieceModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        ArgumentNullException.ThrowIfNull(options);
        Validate(pieces, options);
        var trainer = new TrainerSpec
        {
            ModelType = (TrainerSpec.Types.ModelType)options.ModelType,
            VocabSize = pieces.Count,
            HardVocabLimit = false,
            UnkId = options.UnkId,
            BosId = options.BosId,
            EosId = options.EosId,
            PadId = options.PadId,
            UnkPiece = pieces[options.UnkId].Piece,
        };
        if (options.BosId >= 0)
        {
            trainer.BosPiece = pieces[options.BosId].Piece;
        }

        if (options.EosId >= 0)
        {
            trainer.EosPiece = pieces[options.EosId].Piece;
        }

        if (options.PadId >= 0)
        {
            trainer.PadPiece = pieces[options.PadId].Piece;
        }

        trainer.UserDefinedSymbols.AddRange(pieces.Where(p => p.Kind == SentencePieceKind.UserDefined).Select(p => p.Piece));
        var model = new ModelProto
        {
            TrainerSpec = trainer,
            NormalizerSpec = new NormalizerSpec
            {
                Name = options.NormalizerName,
                PrecompiledCharsmap = ByteString.Empty,
                AddDummyPrefix = options.AddDummyPrefix,
                RemoveExtraWhitespaces = options.RemoveExtraWhitespaces,
                EscapeWhitespaces = true,
            },
        };
        model.Pieces.AddRange(pieces.Select(p => new ModelProto.Types.SentencePiece { Piece = p.Piece, Score = p.Score, Type = (PieceType)p.Kind }));
        return model.ToByteArray();
    }

    private static void Validate(IReadOnlyList<SentencePieceEntry> pieces, SentencePieceModelOptions options)
    {
        var duplicate = pieces.GroupBy(p => p.Piece, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Piece '{duplicate.Key}' appears more than once.", nameof(pieces));
        }

        if (pieces.Any(p => string.IsNullOrEmpty(p.Piece)))
        {
            throw new ArgumentException("A piece must not be empty.", nameof(pieces));
        }

        RequireKind(pieces, options.UnkId, SentencePieceKind.Unknown, nameof(options.UnkId), optional: false);
        RequireKind(pieces, options.BosId, SentencePieceKind.Control, nameof(options.BosId), optional: true);
        RequireKind(pieces, options.EosId, SentencePieceKind.Control, nameof(options.EosId), optional: true);
        RequireKind(pieces, options.PadId, SentencePieceKind.Control, nameof(options.PadId), optional: true);
        if (pieces.Count(p => p.Kind == SentencePieceKind.Unknown) != 1)
        {
            throw new ArgumentException("Exactly one piece must be of kind Unknown.", nameof(pieces));
        }
    }

    private static void RequireKind(IReadOnlyList<SentencePieceEntry> pieces, int id, SentencePieceKind kind, string name, bool optional)
    {
        if (optional && id == -1)
        {
            return;
        }

        if (id < 0 || id >= pieces.Count || pieces[id].Kind != kind)
        {
            throw new ArgumentException($"{name} = {id} must point at a piece of kind {kind}.", nameof(pieces));
        }
    }
}
