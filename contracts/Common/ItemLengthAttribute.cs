namespace Gaoxin.Contracts.Common;

/// <summary>
/// The length limits of each string in a list (a list of codes), declared in the OpenAPI document as the items'
/// minLength and maxLength; the list's own size is [MaxLength]. The API's validators enforce both.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ItemLengthAttribute(int minimum, int maximum) : Attribute
{
    public int Minimum { get; } = minimum;

    public int Maximum { get; } = maximum;
}
