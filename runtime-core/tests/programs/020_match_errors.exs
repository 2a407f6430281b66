# MatchError messages for many shapes of value.
defmodule Check do
  def v(x), do: x

  def attempt(value) do
    try do
      {:ok, _} = value
      IO.puts("matched")
    rescue
      e in MatchError -> IO.puts(Exception.message(e))
    end
  end
end

Check.attempt({:ok, 1})
Check.attempt({:error, :enoent})
Check.attempt(:error)
Check.attempt(nil)
Check.attempt(42)
Check.attempt(-1.5)
Check.attempt("a string")
Check.attempt('charlist')
Check.attempt([1, 2, 3])
Check.attempt([1 | 2])
Check.attempt(%{a: 1, b: "two"})
Check.attempt({:ok, 1, 2})
Check.attempt(Enum.to_list(1..30))
Check.attempt(%{list: Enum.to_list(1..20), name: "a long name that goes on", nested: %{deep: [1, 2]}})
Check.attempt(self())
Check.attempt(make_ref())
Check.attempt(&Check.v/1)
Check.attempt(%ArgumentError{message: "inside"})
Check.attempt(1..3)

try do
  [_, _] = Check.v([1, 2, 3])
rescue
  e -> IO.inspect(e)
end

try do
  x = 1
  ^x = Check.v(2)
rescue
  e -> IO.inspect(e)
end

try do
  {a, a} = Check.v({1, 2})
  IO.inspect(a)
rescue
  e -> IO.puts(Exception.message(e))
end

try do
  "abc" <> _ = Check.v("xyz")
rescue
  e -> IO.puts(Exception.message(e))
end
