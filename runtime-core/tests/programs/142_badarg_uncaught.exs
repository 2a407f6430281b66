# An uncaught bad argument ends the script: the banner explains the argument and the stack starts at the built-in.
defmodule Inventory do
  def slots, do: {:apple, :pear}

  def pick(index) do
    item = elem(slots(), index)
    {:picked, item}
  end
end

IO.inspect(Inventory.pick(1))
IO.inspect(Inventory.pick(2))
