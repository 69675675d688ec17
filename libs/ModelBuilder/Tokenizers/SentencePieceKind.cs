namespace Platform.ModelBuilder.Tokenizers;

/// <summary>The role of one piece (ModelProto.SentencePiece.Type).</summary>
public enum SentencePieceKind
{
    Normal = 1,
    Unknown = 2,
    Control = 3,
    UserDefined = 4,
}
