package dev.ratchet.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutlineExtractorTest {
    private final OutlineExtractor extractor = new OutlineExtractor();

    private List<Symbol> symbols(String path, String text) {
        return extractor.extract(path, text).symbols();
    }

    @Test
    void java() {
        String source = """
                package shop.orders;

                import java.util.*;

                /** Totals an order. { not a brace } */
                @Service
                public final class OrderService extends BaseService<Order>
                        implements Closeable, Comparable<OrderService> {
                    private static final String PATTERN = "{ \\" } class Fake {";
                    private final Map<String, List<Order>> byCustomer = new HashMap<>();
                    private final Runnable hook = () -> { int x = 1; };

                    public OrderService(Repository repository) {
                        super(repository);
                    }

                    @Override
                    public BigDecimal total(String customer, boolean withTax) throws IOException {
                        if (withTax) {
                            return compute(customer).multiply(TAX);
                        }
                        Comparator<Order> c = new Comparator<>() {
                            public int compare(Order a, Order b) { return 0; }
                        };
                        return BigDecimal.ZERO;
                    }

                    static <T extends Comparable<? super T>> List<T>
                            sorted(Collection<T> items) {
                        return new ArrayList<>(items);
                    }

                    public<X extends Throwable> void orThrow(Supplier<? extends X> supplier) throws X {
                    }

                    private enum State { OPEN, CLOSED; boolean done() { return this == CLOSED; } }

                    record Line(String sku, int quantity) {
                        Line {
                            Objects.requireNonNull(sku);
                        }
                    }

                    abstract int size();
                }

                interface Repository {
                    Order find(long id);
                    default void close() {}
                }
                """;

        assertThat(symbols("src/OrderService.java", source)).extracting(Symbol::kind, Symbol::name, Symbol::depth).containsExactly(
                tuple("class", "OrderService", 0),
                tuple("constructor", "OrderService", 1),
                tuple("method", "total", 1),
                tuple("method", "sorted", 1),
                tuple("method", "orThrow", 1),
                tuple("enum", "State", 1),
                tuple("record", "Line", 1),
                tuple("method", "size", 1),
                tuple("interface", "Repository", 0),
                tuple("method", "find", 1),
                tuple("method", "close", 1));
        List<Symbol> symbols = symbols("src/OrderService.java", source);
        assertThat(symbols.get(0).signature())
                .isEqualTo("public final class OrderService extends BaseService<Order> implements Closeable, Comparable<OrderService>");
        assertThat(symbols.get(2).signature()).isEqualTo("public BigDecimal total(String customer, boolean withTax) throws IOException");
        assertThat(symbols.get(3).signature()).isEqualTo("static <T extends Comparable<? super T>> List<T> sorted(Collection<T> items)");
        assertThat(symbols.get(2).line()).isEqualTo(18);
    }

    @Test
    void kotlin() {
        String source = """
                package app

                data class User(val id: Long, val name: String)

                sealed interface Result<out T> {
                    fun isOk(): Boolean
                }

                class UserService(private val repo: UserRepository) {
                    companion object {
                        const val LIMIT = 10
                    }

                    suspend fun load(id: Long): User? {
                        val x = listOf(1, 2).map { it * 2 }
                        fun local() = 1
                        return repo.find(id)
                    }

                    private inline fun <reified T> parse(text: String): T = TODO()
                }

                fun String.slug(): String = lowercase().replace(" ", "-")

                object Registry {
                    fun register(name: String) {}
                }
                """;

        assertThat(symbols("app/User.kt", source)).extracting(Symbol::kind, Symbol::name, Symbol::depth).containsExactly(
                tuple("class", "User", 0),
                tuple("interface", "Result", 0),
                tuple("method", "isOk", 1),
                tuple("class", "UserService", 0),
                tuple("object", "Companion", 1),
                tuple("method", "load", 1),
                tuple("method", "parse", 1),
                tuple("function", "slug", 0),
                tuple("object", "Registry", 0),
                tuple("method", "register", 1));
    }

    @Test
    void python() {
        String source = """
                import os


                class Cache(dict):
                    \"\"\"A cache.

                    def not_a_function(self): pass
                    \"\"\"

                    def __init__(self, path: str = "/tmp", *, size=10):
                        self.path = path

                        def helper():
                            return 1

                    @property
                    def size(self) -> int:
                        return len(self)

                    async def refresh(
                        self,
                        force: bool = False,
                    ) -> None:
                        pass


                def load(path):  # comment: def fake()
                    class Local:
                        pass
                    return Cache(path)


                async def main() -> None:
                    await load("x")
                """;

        List<Symbol> symbols = symbols("pkg/cache.py", source);
        assertThat(symbols).extracting(Symbol::kind, Symbol::name, Symbol::depth).containsExactly(
                tuple("class", "Cache", 0),
                tuple("method", "__init__", 1),
                tuple("method", "size", 1),
                tuple("method", "refresh", 1),
                tuple("function", "load", 0),
                tuple("function", "main", 0));
        assertThat(symbols.get(1).signature()).isEqualTo("def __init__(self, path: str = \"/tmp\", *, size=10)");
        assertThat(symbols.get(3).signature()).isEqualTo("async def refresh( self, force: bool = False, ) -> None");
    }

    @Test
    void javascriptAndTypescript() {
        String js = """
                import { api } from './api.js';

                export default class Cart {
                  #items = [];
                  static from(json) { return new Cart(); }
                  get size() { return this.#items.length; }
                  async checkout(user, { coupon } = {}) {
                    if (user) { await api.post(`/cart/${user.id}`); }
                  }
                  onClick = (event) => { this.checkout(); };
                }

                export function total(items) {
                  return items.reduce((a, b) => a + b.price, 0);
                }

                export const formatPrice = (cents) => `$${(cents / 100).toFixed(2)}`;
                const Header = ({ title }) => {
                  return title;
                };
                module.exports = { total };
                """;
        assertThat(symbols("web/cart.js", js)).extracting(Symbol::kind, Symbol::name, Symbol::depth).containsExactly(
                tuple("class", "Cart", 0),
                tuple("method", "from", 1),
                tuple("method", "size", 1),
                tuple("method", "checkout", 1),
                tuple("method", "onClick", 1),
                tuple("function", "total", 0),
                tuple("function", "formatPrice", 0),
                tuple("function", "Header", 0));

        String ts = """
                export interface User {
                  id: number;
                  name?: string;
                  greet(other: User): string;
                }

                export type Handler<T> = (event: T) => void;

                export enum Color { Red, Green }

                export abstract class Repository<T extends { id: number }> implements Store {
                  private readonly items = new Map<number, T>();
                  constructor(private db: Db) {}
                  public async find(id: number): Promise<T | undefined> {
                    return this.items.get(id);
                  }
                  protected abstract validate(item: T): boolean;
                }

                export async function main(argv: string[]): Promise<number> {
                  return 0;
                }
                """;
        assertThat(symbols("src/repo.ts", ts)).extracting(Symbol::kind, Symbol::name, Symbol::depth).containsExactly(
                tuple("interface", "User", 0),
                tuple("method", "greet", 1),
                tuple("type", "Handler", 0),
                tuple("enum", "Color", 0),
                tuple("class", "Repository", 0),
                tuple("method", "constructor", 1),
                tuple("method", "find", 1),
                tuple("method", "validate", 1),
                tuple("function", "main", 0));
    }

    @Test
    void go() {
        String source = """
                package store

                import (
                	"fmt"
                )

                // Store keeps items. func Fake() {}
                type Store struct {
                	items map[string]Item
                }

                type Reader interface {
                	Read(key string) (Item, error)
                	Close() error
                }

                type ID string

                func New() *Store {
                	return &Store{items: map[string]Item{}}
                }

                func (s *Store) Get(key string) (Item, error) {
                	if item, ok := s.items[key]; ok {
                		return item, nil
                	}
                	return Item{}, fmt.Errorf("missing %s", key)
                }

                func Map[T any, U any](in []T, f func(T) U) []U {
                	return nil
                }
                """;
        assertThat(symbols("store/store.go", source)).extracting(Symbol::kind, Symbol::name, Symbol::depth).containsExactly(
                tuple("struct", "Store", 0),
                tuple("interface", "Reader", 0),
                tuple("method", "Read", 1),
                tuple("method", "Close", 1),
                tuple("type", "ID", 0),
                tuple("func", "New", 0),
                tuple("method", "Store.Get", 0),
                tuple("func", "Map", 0));
    }

    @Test
    void rust() {
        String source = """
                use std::fmt;

                /// A point. fn fake() {}
                #[derive(Debug, Clone)]
                pub struct Point<'a> {
                    name: &'a str,
                    x: f64,
                }

                pub enum Shape { Circle(f64), Square(f64) }

                pub trait Area {
                    fn area(&self) -> f64;
                }

                impl<'a> fmt::Display for Point<'a> {
                    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        let c = '{';
                        write!(f, "({}, {})", self.x, self.name)
                    }
                }

                impl Area for Shape {
                    pub fn area(&self) -> f64 {
                        match self { Shape::Circle(r) => 3.14 * r * r, Shape::Square(s) => s * s }
                    }
                }

                pub(crate) async fn load(path: &str) -> Result<String, Error> {
                    let raw = r#"{ "a": 1 }"#;
                    Ok(raw.to_string())
                }

                macro_rules! square {
                    ($x:expr) => { $x * $x };
                }

                mod tests {
                    fn helper() {}
                }
                """;
        assertThat(symbols("src/lib.rs", source)).extracting(Symbol::kind, Symbol::name, Symbol::depth).containsExactly(
                tuple("struct", "Point", 0),
                tuple("enum", "Shape", 0),
                tuple("trait", "Area", 0),
                tuple("method", "area", 1),
                tuple("impl", "fmt::Display for Point<'a>", 0),
                tuple("method", "fmt", 1),
                tuple("impl", "Area for Shape", 0),
                tuple("method", "area", 1),
                tuple("fn", "load", 0),
                tuple("macro", "square", 0),
                tuple("mod", "tests", 0),
                tuple("method", "helper", 1));
    }

    @Test
    void cAndCpp() {
        String c = """
                #include <stdio.h>
                #define MAX(a, b) ((a) > (b) ? (a) : (b))

                struct buffer {
                    char *data;
                    size_t len;
                };

                static int parse_header(const char *line, struct buffer *out);

                static int
                parse_header(const char *line, struct buffer *out)
                {
                    if (line == NULL) {
                        return -1;
                    }
                    return 0;
                }

                int main(int argc, char **argv) {
                    printf("{ not a block\\n");
                    return parse_header(argv[1], NULL);
                }
                """;
        assertThat(symbols("src/parse.c", c)).extracting(Symbol::kind, Symbol::name).containsExactly(
                tuple("struct", "buffer"),
                tuple("function", "parse_header"),
                tuple("function", "parse_header"),
                tuple("function", "main"));

        String cpp = """
                #pragma once
                #include <string>

                namespace geo {

                template <typename T>
                class Shape : public Base {
                public:
                    explicit Shape(std::string name);
                    virtual ~Shape() = default;
                    virtual double area() const = 0;
                    const std::string& name() const { return name_; }
                private:
                    std::string name_;
                };

                enum class Kind { Circle, Square };

                double Shape::area() const {
                    return 0.0;
                }

                inline bool operator==(const Shape& a, const Shape& b) {
                    return a.name() == b.name();
                }

                }  // namespace geo
                """;
        assertThat(symbols("include/shape.hpp", cpp)).extracting(Symbol::kind, Symbol::name, Symbol::depth).containsExactly(
                tuple("class", "Shape", 0),
                tuple("method", "Shape", 1),
                tuple("method", "~Shape", 1),
                tuple("method", "area", 1),
                tuple("method", "name", 1),
                tuple("enum class", "Kind", 0),
                tuple("function", "Shape::area", 0),
                tuple("function", "operator==", 0));
    }

    @Test
    void referencesAreCodeIdentifiersNotCommentsOrStrings() {
        Outline outline = extractor.extract("A.java", """
                class A {
                    // uses CommentOnly
                    String s = "StringOnly";
                    Helper helper = new Helper(Config.load());
                }
                """);
        assertThat(outline.references()).contains("Helper", "helper", "Config", "load")
                .doesNotContain("CommentOnly", "StringOnly", "class");
    }

    @Test
    void filesWithoutRulesHaveNoOutline() {
        assertThat(extractor.extract("README.md", "# class Foo\n")).isEqualTo(Outline.EMPTY);
    }
}
