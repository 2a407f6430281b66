# Conversions that fail raise ArgumentError.
defmodule Try do
  def show(label, fun) do
    try do
      IO.inspect(fun.(), label: label)
    rescue
      e -> IO.puts("#{label}: #{inspect(e.__struct__)} #{Exception.message(e)}")
    end
  end

  # Hides a literal from the compiler, which would otherwise warn that the call fails.
  def v(x), do: x
end

Try.show("to_integer abc", fn -> String.to_integer(Try.v("abc")) end)
Try.show("to_integer 1.5", fn -> String.to_integer(Try.v("1.5")) end)
Try.show("to_integer empty", fn -> String.to_integer(Try.v("")) end)
Try.show("to_integer spaces", fn -> String.to_integer(Try.v(" 1")) end)
Try.show("to_float 1", fn -> String.to_float(Try.v("1")) end)
Try.show("to_existing_atom", fn -> String.to_existing_atom("surely_not_an_existing_atom_xyz") end)
Try.show("Integer.parse", fn -> Integer.parse("12abc") end)
Try.show("Integer.parse bad", fn -> Integer.parse("abc") end)
Try.show("Integer.parse base", fn -> Integer.parse("zz", 36) end)
Try.show("Float.parse", fn -> Float.parse("1.5e3x") end)
Try.show("Float.parse bad", fn -> Float.parse("x") end)
Try.show("upcase of atom", fn -> String.upcase(Try.v(:not_a_string)) end)
Try.show("concat", fn -> "a" <> Try.v(:b) end)
Try.show("binary_to_atom", fn -> String.to_atom(Try.v(123)) end)
Try.show("length of string", fn -> length(Try.v("abc")) end)
