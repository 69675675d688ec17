namespace Platform.ModelBuilder.Tokenizers;

/// <summary>The segmentation algorithm a SentencePiece model file declares (TrainerSpec.model_type).</summary>
public enum SentencePieceModelType
{
    Unigram = 1,
    Bpe = 2,
}
