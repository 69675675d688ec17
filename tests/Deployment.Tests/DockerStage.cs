namespace Platform.Deployment.Tests;

/// <summary>A build stage: its FROM image and the instructions after it.</summary>
internal sealed record DockerStage(string BaseImage, IReadOnlyList<DockerInstruction> Instructions)
{
    public IEnumerable<string> Arguments(string keyword) =>
        Instructions.Where(instruction => instruction.Keyword == keyword).Select(instruction => instruction.Arguments);
}
