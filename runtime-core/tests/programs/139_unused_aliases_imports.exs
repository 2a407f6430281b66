# Aliases and imports nobody uses. Elixir's lexical tracker warns about them
# once the whole file has run, after the script's last output: the aliases
# first, sorted by name, then the imports, sorted by module. Its notes are per
# file, keyed by the alias: `alias Shop.Cart` written again in a later module
# replaces the first note.
alias Shop.Cart, as: ShoppingCart
import Integer

defmodule Shop.Cart do
  defstruct items: []

  def new, do: %__MODULE__{}
  def add(cart, item), do: %{cart | items: [item | cart.items]}
end

defmodule Shop.Server do
  use GenServer
  alias Shop.Cart
  alias Shop.Cart, as: C
  import List
  import Enum, only: [count: 1]
  import Map

  def start_link, do: GenServer.start_link(__MODULE__, nil)

  def init(nil), do: {:ok, Cart.new()}

  def handle_call({:add, item}, _from, cart) do
    cart = Cart.add(cart, item)
    {:reply, first(cart.items), cart}
  end
end

defmodule Shop.Report do
  alias Shop.Cart
  import String, only: [upcase: 1]

  def title, do: upcase("report")
end

IO.puts(Shop.Report.title())
{:ok, pid} = Shop.Server.start_link()
IO.inspect(GenServer.call(pid, {:add, :apple}))
IO.inspect(GenServer.call(pid, {:add, :pear}))
IO.puts("the end")
