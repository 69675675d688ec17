using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Sentencepiece;
using PieceType = Sentencepiece.ModelProto.Types.SentencePiece.Types.Type;

namespace Platform.Inference.Tokenization;

/// <summary>
/// tokenizer.json's Unigram model turned back into the SentencePiece model it was converted from
/// (pieces, scores, unk, byte fallback, Precompiled charsmap, Metaspace prefix), so the SentencePiece
/// tokenizer segments it; ids are the vocab's indices.
/// </summary>
internal static partial class UnigramTokenizerJson
{
    public static SentencePieceIdTokenizer Create(JsonNode json, JsonObject model, IReadOnlyDictionary<string, int> specials, string path)
    {
        var vocab = model["vocab"] as JsonArray ?? throw new InvalidDataException($"{path}: Unigram model has no vocab.");
        var unkId = model["unk_id"]?.GetValue<int>() ?? throw new InvalidDataException($"{path}: Unigram model without unk_id is not supported.");
        var byteFallback = model["byte_fallback"]?.GetValue<bool>() ?? false;
        var specialIds = specials.Values.ToHashSet();
        var proto = new ModelProto
        {
            TrainerSpec = new TrainerSpec { ModelType = TrainerSpec.Types.ModelType.Unigram, UnkId = unkId, BosId = -1, EosId = -1, ByteFallback = byteFallback },
            NormalizerSpec = new NormalizerSpec
            {
                Name = "identity",
                PrecompiledCharsmap = Charsmap(json["normalizer"]),
                AddDummyPrefix = PrependsSpace(json["pre_tokenizer"]),
                RemoveExtraWhitespaces = false,
            },
        };
        proto.Pieces.AddRange(vocab.Select((entry, id) =>
        {
            var piece = entry![0]!.GetValue<string>();
            var kind = id == unkId ? PieceType.Unknown
                : specialIds.Contains(id) ? PieceType.Control
                : byteFallback && BytePiece().IsMatch(piece) ? PieceType.Byte
                : PieceType.Normal;
            return new ModelProto.Types.SentencePiece { Piece = piece, Score = entry[1]!.GetValue<float>(), Type = kind };
        }));
        proto.TrainerSpec.UnkPiece = proto.Pieces.ElementAtOrDefault(unkId)?.Piece ?? "<unk>";
        return new SentencePieceIdTokenizer(SentencePieceModelFile.FromModel(proto, path, specials), specials);
    }

    private static ByteString Charsmap(JsonNode? normalizer) =>
        TokenizerJsonLoader.FindType(normalizer, "Precompiled")?["precompiled_charsmap"]?.GetValue<string>() is { Length: > 0 } base64
            ? ByteString.FromBase64(base64)
            : ByteString.Empty;

    private static bool PrependsSpace(JsonNode? preTokenizer)
    {
        var metaspace = TokenizerJsonLoader.FindType(preTokenizer, "Metaspace");
        return metaspace?["prepend_scheme"]?.GetValue<string>() is { } scheme
            ? scheme != "never"
            : metaspace?["add_prefix_space"]?.GetValue<bool>() ?? true;
    }

    [GeneratedRegex("^<0x[0-9A-Fa-f]{2}>$")]
    private static partial Regex BytePiece();
}
