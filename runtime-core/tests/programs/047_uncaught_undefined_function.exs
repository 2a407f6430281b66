# Calling a function that the module does not define.
defmodule Tools do
  def hammer, do: :bang
end

IO.inspect(Tools.hammer())
apply(Tools, :saw, [1, 2])
