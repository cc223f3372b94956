package io.github.qdrantscope.demo.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Beans every test of the suite shares (part of the one cached context configuration). */
@TestConfiguration(proxyBeanMethods = false)
public class SuiteConfiguration {

    @Bean
    ContextLoads contextLoads() {
        return new ContextLoads();
    }

    @Bean
    ScopedCatalogFilter scopedCatalogFilter() {
        return new ScopedCatalogFilter();
    }
}
