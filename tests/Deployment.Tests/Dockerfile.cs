using System.Text.RegularExpressions;

namespace Platform.Deployment.Tests;

/// <summary>
/// Reads a Dockerfile into its stages: enough of the format for these checks (comments, blank lines,
/// backslash continuations, keywords in any case); no parser of the format is on our package feed.
/// </summary>
internal static partial class Dockerfile
{
    public static IReadOnlyList<DockerStage> Stages(string path)
    {
        var stages = new List<DockerStage>();
        List<DockerInstruction>? current = null;
        foreach (var instruction in Instructions(File.ReadAllLines(path)))
        {
            if (instruction.Keyword == "FROM")
            {
                current = [];
                stages.Add(new DockerStage(instruction.Arguments.Split(' ')[0], current));
            }
            else
            {
                current?.Add(instruction);
            }
        }

        return stages;
    }

    private static IEnumerable<DockerInstruction> Instructions(IEnumerable<string> lines)
    {
        var pending = "";
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var match = InstructionPattern().Match(pending + line);
            pending = "";
            if (match.Success)
            {
                yield return new DockerInstruction(match.Groups[1].Value.ToUpperInvariant(), match.Groups[2].Value.Trim());
            }
        }
    }

    [GeneratedRegex(@"^(\w+)\s+(.*)$", RegexOptions.Singleline)]
    private static partial Regex InstructionPattern();
}
