# lists:sort on many lists whose elements compare equal without being the same
# term: {1, 1.0}, {1.0, 1}, {1, 1} and {1.0, 1.0} are all ==, so the order the
# sort leaves them in shows how it split the list into runs and merged them.
# The lists come from a fixed linear congruential sequence (no :rand).
defmodule Gen do
  def next(seed), do: rem(seed * 1_103_515_245 + 12_345, 2_147_483_648)

  # A list of `len` elements from `classes` classes of equal terms.
  def list(0, _classes, seed, acc), do: {acc, seed}

  def list(len, classes, seed, acc) do
    seed = next(seed)
    k = rem(div(seed, 65_536), classes)
    shape = rem(div(seed, 4_194_304), 4)
    a = if rem(shape, 2) == 1, do: k * 1.0, else: k
    b = if div(shape, 2) == 1, do: k * 1.0, else: k
    list(len - 1, classes, seed, [{a, b} | acc])
  end

  def code(x) when is_float(x), do: "f"
  def code(_), do: "i"

  def show(list), do: Enum.map_join(list, " ", fn {a, b} -> "#{trunc(a)}#{code(a)}#{code(b)}" end)
end

Enum.reduce(1..160, 42, fn i, seed ->
  seed = Gen.next(seed)
  len = rem(div(seed, 65_536), if(rem(i, 8) == 0, do: 48, else: 14))
  classes = 1 + rem(div(seed, 256), 4)
  {list, seed} = Gen.list(len, classes, seed, [])
  IO.puts("#{i}: #{Gen.show(:lists.sort(list))}")
  seed
end)

# Enum.sort on a list is lists:sort too.
{list, _} = Gen.list(30, 2, 7, [])
IO.puts(Gen.show(Enum.sort(list)))
