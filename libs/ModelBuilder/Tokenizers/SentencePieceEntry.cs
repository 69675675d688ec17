namespace Platform.ModelBuilder.Tokenizers;

/// <summary>One vocabulary entry; its position in the list is its SentencePiece id.</summary>
public sealed record SentencePieceEntry(string Piece, float Score, SentencePieceKind Kind = SentencePieceKind.Normal);
