/**
 * What every test of the suite shares: the one context configuration ({@code DemoTest}), API clients, the
 * ranking oracle and generated search data.
 */
package io.github.qdrantscope.demo.support;
