namespace Platform.ModelBuilder.Tokenizers;

/// <summary>
/// Trainer and normalizer settings stored in the model file. Ids of -1 mean "not used";
/// Marian's vocabularies use <c>BosId = -1, EosId = 0, UnkId = 1</c>.
/// </summary>
public sealed record SentencePieceModelOptions(
    SentencePieceModelType ModelType = SentencePieceModelType.Unigram,
    int UnkId = 0,
    int BosId = 1,
    int EosId = 2,
    int PadId = -1,
    string NormalizerName = "identity",
    bool AddDummyPrefix = true,
    bool RemoveExtraWhitespaces = true);
